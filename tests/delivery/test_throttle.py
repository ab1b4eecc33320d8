from alerts.delivery import throttle


class FakeClock:
    def __init__(self):
        self.now = 1000.0
        self.slept = []

    def time(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


def test_a_channel_never_exceeds_its_messages_per_second(settings):
    settings.DELIVERY_RATE_LIMITS = {"sms": 100}
    clock = FakeClock()
    throttle.acquire("sms", 250, sleep=clock.sleep, clock=clock.time)
    # 100 in the first second, 100 in the next, 50 in the third
    assert clock.now == 1002.0
    assert len(clock.slept) == 2


def test_the_budget_is_shared_between_workers_of_the_same_second(settings):
    settings.DELIVERY_RATE_LIMITS = {"sms": 100}
    clock = FakeClock()
    throttle.acquire("sms", 70, sleep=clock.sleep, clock=clock.time)  # worker A
    throttle.acquire("sms", 70, sleep=clock.sleep, clock=clock.time)  # worker B
    assert clock.slept == [1.0]  # B had to wait for the next second for 40 of its 70


def test_no_limit_means_no_waiting(settings):
    settings.DELIVERY_RATE_LIMITS = {"push": 0}
    clock = FakeClock()
    throttle.acquire("push", 10_000, sleep=clock.sleep, clock=clock.time)
    assert clock.slept == []
