import win32com.client
# ruleid: msmq-queue
info = win32com.client.Dispatch("MSMQ.MSMQQueueInfo")
