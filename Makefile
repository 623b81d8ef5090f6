# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000

.PHONY: run test test-fast lint migrate demo chromium system-packages clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

migrate: $(STAMP)
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

# The demo kindergarten lives in Yekaterinburg (its calendar feeds show its time); a DJANGO_TIME_ZONE
# already set wins. Only here: the settings' default and the tests keep Europe/Moscow.
run: export DJANGO_TIME_ZONE ?= Asia/Yekaterinburg
run: system-packages demo
	@echo "Наставник: http://$(HOST)/  (логины head, curator, council, mentor, mentee, admin; пароль demo)"
	$(PY) manage.py runserver $(HOST)

# Debian's chromium for the browser tests, installed once when missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Устанавливаю chromium для браузерных тестов…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; }

# HarfBuzz's subsetter halves WeasyPrint's PDF time (and silences its warning). Installed once
# when missing; without root or apt only a warning: PDFs are still made, a little slower.
system-packages:
	@$(PYTHON) -c "import ctypes.util, sys; sys.exit(not ctypes.util.find_library('harfbuzz-subset'))" || { \
		echo "Устанавливаю libharfbuzz-subset0 для PDF…"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libharfbuzz-subset0; } >/dev/null 2>&1 \
		|| echo "Внимание: не удалось установить libharfbuzz-subset0 (нужны root и apt); PDF будут создаваться медленнее."; }
	@# Liberation Serif has the metrics of Times New Roman, the font Russian office documents use.
	@fc-list 2>/dev/null | grep -q "Liberation Serif" || { \
		echo "Устанавливаю шрифт Liberation Serif для документов…"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-liberation2; } >/dev/null 2>&1 \
		|| echo "Внимание: не удалось установить fonts-liberation2; документы будут набраны шрифтом DejaVu Serif."; }

test: $(STAMP) chromium system-packages
	$(PY) -m pytest

test-fast: $(STAMP)
	$(PY) -m pytest -m "not e2e"

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

clean:
	rm -rf $(VENV) staticfiles
