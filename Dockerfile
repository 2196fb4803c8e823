# mtdesk: `docker build -t mtdesk .` makes the CPU image; the CUDA one is
# `docker build --build-arg TORCH_INDEX=https://download.pytorch.org/whl/cu128 \
#   --build-arg DEVICE=cuda -t mtdesk:gpu .`
# Models live on the /data volume: `mtdesk models pull` once, then serve offline.

ARG PYTHON=3.11
FROM python:${PYTHON}-slim

# torch first, from the index that matches the device: the CPU wheel by
# default, so that installing mtdesk does not pull a multi-GB CUDA build.
ARG TORCH_INDEX=https://download.pytorch.org/whl/cpu
ARG DEVICE=cpu
ARG PYTHON

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HOME=/data/huggingface \
    MTDESK_DB=sqlite:////data/mtdesk.db \
    MTDESK_JOBS_DIR=/data/jobs \
    MTDESK_CACHE_DIR=/data/ctranslate2 \
    MTDESK_DEVICE=${DEVICE} \
    MTDESK_BACKEND=auto \
    MTDESK_HOST=0.0.0.0 \
    MTDESK_ALLOWED_HOSTS=localhost,127.0.0.1,::1 \
    MTDESK_PORT=8000
# CTranslate2 opens CUDA 12's cuBLAS by name; in the CUDA image torch's wheels
# bring it here (the folder does not exist in the CPU image).
ENV LD_LIBRARY_PATH=/usr/local/lib/python${PYTHON}/site-packages/nvidia/cublas/lib

# Ding's German-English dictionary (GPL-2.0+), read at run time by the omission and
# addition checks (MTDESK_LEXICON), never copied into mtdesk.
RUN apt-get update \
    && apt-get install -y --no-install-recommends trans-de-en \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 mtdesk \
    && mkdir /data && chown mtdesk:mtdesk /data
WORKDIR /app

RUN pip install torch==2.13.0 --index-url ${TORCH_INDEX}
COPY pyproject.toml README.md ./
COPY models ./models
COPY glossary ./glossary
COPY service ./service
# The README's install step, with the fast backend (taken by MTDESK_BACKEND=auto)
# and the PostgreSQL driver.
RUN pip install '.[fast,postgres]'

USER mtdesk
VOLUME ["/data"]
EXPOSE 8000
# The port the server was given through MTDESK_PORT (not a --port option).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/health' % os.environ.get('MTDESK_PORT', '8000'), timeout=4)"
CMD ["mtdesk", "serve"]
