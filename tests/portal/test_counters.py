from django.core.cache import cache

from portal.counters import counter_allows, counter_clear, counter_hit, counter_values


def test_allows_up_to_the_limit_then_refuses():
    results = [counter_allows("t", "k", limit=2, window=60) for _ in range(4)]
    assert results == [True, True, False, False]


def test_values_and_namespaces_are_counted_separately():
    assert counter_hit("a", "x", window=60) == 1
    assert counter_hit("a", "y", window=60) == 1
    assert counter_hit("b", "x", window=60) == 1
    assert counter_hit("a", "x", window=60) == 2
    assert counter_values("a", ["x", "y", "z"]) == {"x": 2, "y": 1, "z": 0}
    counter_clear("a", "x")
    assert counter_values("a", ["x"]) == {"x": 0}


def test_what_a_visitor_typed_never_reaches_the_cache_in_clear():
    counter_hit("registration-email", "Someone@Example.invalid", window=60)
    keys = [str(key) for key in getattr(cache, "_cache", {})]
    assert keys and not any("example" in key.lower() for key in keys)
