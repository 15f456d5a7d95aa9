// using System.EnterpriseServices;
using System.Transactions;
public class Ledger { }
