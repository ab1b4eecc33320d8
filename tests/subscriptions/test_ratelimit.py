import pytest

from alerts.subscriptions import ratelimit


def test_counts_up_to_the_limit_then_refuses(settings):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {"ip": (3, 60)}
    assert [ratelimit.hit("ip", "192.0.2.1") for _ in range(5)] == [True] * 3 + [False] * 2
    assert ratelimit.hit("ip", "192.0.2.2") is True


def test_check_names_the_bucket_over_its_limit(settings):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {"ip": (10, 60), "email": (1, 60)}
    ratelimit.check([("ip", "a"), ("email", "x@example.invalid")])
    with pytest.raises(ratelimit.RateLimited) as error:
        ratelimit.check([("ip", "a"), ("email", "x@example.invalid")])
    assert error.value.kind == "email"


@pytest.mark.redis
def test_works_on_redis(settings):
    from django.core.cache import caches

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
        }
    }
    caches["default"].clear()
    settings.SUBSCRIPTIONS_RATE_LIMITS = {"ip": (2, 60)}
    assert [ratelimit.hit("ip", "redis-test") for _ in range(3)] == [True, True, False]
    caches["default"].clear()
