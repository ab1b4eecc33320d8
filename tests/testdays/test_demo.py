import pytest

from alerts.factories import AuthorFactory
from alerts.testdays import demo
from alerts.testdays.models import PlannedTest
from portal.demo import DemoContext

pytestmark = pytest.mark.django_db


def test_the_demo_announces_one_coming_test_once():
    AuthorFactory(username="alert-author")
    demo.seed(DemoContext())
    demo.seed(DemoContext())
    [test] = PlannedTest.objects.all()
    assert test.whole_region and test.channels == ["sms", "email", "push"]
