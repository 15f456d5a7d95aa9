package com.acme.eis;
// import javax.resource.cci.ConnectionFactory;
import java.net.http.HttpClient;
class LedgerConnection {}
