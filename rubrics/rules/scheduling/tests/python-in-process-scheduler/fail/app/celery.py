from celery import Celery
from celery.schedules import crontab
app = Celery("shop")
# ruleid: python-in-process-scheduler
app.conf.beat_schedule = {"nightly": {"task": "shop.report", "schedule": crontab(hour=2)}}
