"""Who runs the website's section «Наставничество»: every set of roles this app checks, in one place.

- the curator keeps the bank «в том числе на сайте» (3.4 of the regulation): she turns the section on,
  keeps her contacts and writes the news; the head answers for the site of the kindergarten and does
  the same; the system administrator switches the section and keeps the contacts (he runs the
  site's side) but writes no news — the news are the mentoring's, not his;
- the curator and the head keep the mentors' photos for the section (upload, replace, remove): a
  photo is personal data of the bank, published only by a written consent the curator registers;
- the council, the mentors and the mentees read the section as everyone does: from the public pages.
"""

from people.roles import Role

# Turn the section on and off, keep the contacts, see the preview.
KEEPERS = frozenset({Role.CURATOR, Role.HEAD, Role.ADMIN})
# Write and correct the news.
NEWS_WRITERS = frozenset({Role.CURATOR, Role.HEAD})
# Upload, replace and remove the mentors' photos.
PHOTO_KEEPERS = frozenset({Role.CURATOR, Role.HEAD})
