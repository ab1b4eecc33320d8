import runpy

from django.conf import settings

CONF = str(settings.BASE_DIR / "portal" / "gunicorn.conf.py")


def test_workers_and_timeouts_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_WORKERS", "7")
    monkeypatch.setenv("GUNICORN_TIMEOUT", "45")
    monkeypatch.setenv("GUNICORN_BIND", "0.0.0.0:9000")
    conf = runpy.run_path(CONF)
    assert (conf["workers"], conf["timeout"], conf["bind"]) == (7, 45, "0.0.0.0:9000")
    assert conf["wsgi_app"] == "portal.wsgi:application"


def test_defaults_log_every_request_and_bound_slow_ones(monkeypatch):
    for name in ("GUNICORN_WORKERS", "GUNICORN_TIMEOUT", "GUNICORN_ACCESS_LOG"):
        monkeypatch.delenv(name, raising=False)
    conf = runpy.run_path(CONF)
    assert conf["workers"] >= 2
    assert conf["accesslog"] == "-"
    assert 0 < conf["timeout"] <= 60
    assert conf["max_requests"] > 0
