# ruleid: python-in-process-scheduler
from apscheduler.schedulers.background import BackgroundScheduler

scheduler = BackgroundScheduler()
scheduler.add_job(purge, "interval", hours=1)
