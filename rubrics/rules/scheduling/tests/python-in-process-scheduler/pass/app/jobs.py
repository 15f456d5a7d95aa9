# from apscheduler.schedulers.background import BackgroundScheduler
from celery import shared_task

@shared_task
def report():
    return "ok"
