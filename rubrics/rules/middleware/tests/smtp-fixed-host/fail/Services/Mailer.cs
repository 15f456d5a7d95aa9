public class Mailer
{
    // ruleid: smtp-fixed-host
    private readonly SmtpClient _client = new SmtpClient("relay.acme.local", 25);
}
