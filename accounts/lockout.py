"""Two counts against password guessing. A login is held back from one address after a few failures
there (a typo-prone colleague locks only herself, on her own computer), and from every address after
a longer count of failures spread over many addresses (a guessing run from a botnet or from every
computer of a network stops too). Another login behind the same router is never touched."""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings


class TwoCountsHandler(AxesDatabaseHandler):
    """django-axes compares one number of failures with one limit. With
    AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"] it counts both; here the pair's
    count meets AXES_FAILURE_LIMIT and the login's count over all addresses meets
    ACCOUNTS_LOGIN_FAILURE_LIMIT."""

    def get_failures(self, request, credentials=None) -> int:
        from_this_address, from_everywhere = (
            attempts.values_list("failures_since_start", flat=True)
            for attempts in self.get_user_attempts(request, credentials)
        )
        failures = sum(from_this_address)
        if sum(from_everywhere) >= settings.ACCOUNTS_LOGIN_FAILURE_LIMIT:
            return max(failures, settings.AXES_FAILURE_LIMIT)
        return failures
