# mtdesk: `docker build -t mtdesk .` makes the CPU image (default target);
# `docker build --target gpu -t mtdesk:gpu .` the CUDA one.
# Models live on the /data volume: `mtdesk models pull` once, then serve offline.

ARG PYTHON=3.11

FROM python:${PYTHON}-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HOME=/data/huggingface \
    MTDESK_DB=sqlite:////data/mtdesk.db \
    MTDESK_JOBS_DIR=/data/jobs \
    MTDESK_CACHE_DIR=/data/ctranslate2 \
    MTDESK_HOST=0.0.0.0 \
    MTDESK_PORT=8000
RUN useradd --create-home --uid 10001 mtdesk \
    && mkdir /data && chown mtdesk:mtdesk /data
WORKDIR /app

# torch first, from the index that matches the target: the CPU wheel here,
# so that installing mtdesk does not pull a multi-GB CUDA build.
FROM base AS cpu
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
COPY pyproject.toml README.md ./
COPY models ./models
COPY glossary ./glossary
COPY service ./service
# The README's install step, with the fast backend and PostgreSQL driver.
RUN pip install '.[fast,postgres]'
USER mtdesk
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"
CMD ["mtdesk", "serve"]

FROM base AS gpu
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cu128
COPY pyproject.toml README.md ./
COPY models ./models
COPY glossary ./glossary
COPY service ./service
RUN pip install '.[fast,postgres]'
ENV MTDESK_DEVICE=cuda
USER mtdesk
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"
CMD ["mtdesk", "serve"]

# The default target: `docker build .` gives the CPU image.
FROM cpu
