// using System.Messaging;
using RabbitMQ.Client;
public class OrderQueue { private readonly Queue<string> _pending = new Queue<string>(); }
