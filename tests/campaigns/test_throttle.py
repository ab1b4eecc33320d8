from campaigns.throttle import throttle_allows


def test_allows_up_to_the_limit_then_refuses():
    results = [throttle_allows("k", limit=2, window=60) for _ in range(4)]
    assert results == [True, True, False, False]


def test_keys_are_counted_separately():
    assert throttle_allows("a", limit=1, window=60)
    assert throttle_allows("b", limit=1, window=60)
    assert not throttle_allows("a", limit=1, window=60)
