public class Mailer
{
    // ruleid: hardcoded-secret-in-code
    private const string ApiKey = "SG.a8f7c6d5e4b3a2f1";
    public Client Make() => new Client
    {
        // ruleid: hardcoded-secret-in-code
        Password = "mailpass2024",
    };
}
