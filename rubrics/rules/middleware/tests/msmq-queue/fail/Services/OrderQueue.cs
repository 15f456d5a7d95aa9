// ruleid: msmq-queue
using System.Messaging;
public class OrderQueue
{
    // ruleid: msmq-queue
    private readonly MessageQueue _queue = new MessageQueue(@".\private$\orders");
}
