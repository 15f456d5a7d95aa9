package com.acme.ws;
// ruleid: java-jax-rpc
import javax.xml.rpc.ServiceFactory;
// ruleid: java-jax-rpc
import org.apache.axis.client.Call;
class QuoteClient {}
