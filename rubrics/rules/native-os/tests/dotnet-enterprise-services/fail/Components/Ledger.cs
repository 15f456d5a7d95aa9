// ruleid: dotnet-enterprise-services
using System.EnterpriseServices;
[Transaction(TransactionOption.Required)]
public class Ledger : ServicedComponent { }
