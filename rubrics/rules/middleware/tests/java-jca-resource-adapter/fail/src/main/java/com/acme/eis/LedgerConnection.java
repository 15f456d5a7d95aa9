package com.acme.eis;
// ruleid: java-jca-resource-adapter
import javax.resource.cci.ConnectionFactory;
class LedgerConnection {}
