# The one image behind docker-compose.yml's web (gunicorn, the default command) and worker (celery).
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATA_DIR=/app/var

# WeasyPrint's libraries; fonts with accents and emoji so PDFs never print empty boxes; msgfmt for
# compilemessages.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-noto-color-emoji \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.lock ./
RUN pip install -r requirements.lock

COPY . .
# Build-time values only: settings refuse to load without them when DEBUG is off, and neither reaches
# the running containers. locale/ may hold no catalogue yet; compilemessages then has nothing to do.
RUN mkdir -p locale \
    && SECRET_KEY=build-only ALLOWED_HOSTS=localhost python manage.py compilemessages --ignore var \
    && SECRET_KEY=build-only ALLOWED_HOSTS=localhost python manage.py collectstatic --no-input --verbosity 0

RUN useradd --system --uid 1000 --home-dir /app --no-create-home hlmstudy \
    && mkdir -p /app/var/media \
    && chown -R hlmstudy:hlmstudy /app/var/media
USER hlmstudy

EXPOSE 8000
# WEB_CONCURRENCY (read by gunicorn itself) sets the number of worker processes.
CMD ["gunicorn", "hlmstudy.wsgi", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]
