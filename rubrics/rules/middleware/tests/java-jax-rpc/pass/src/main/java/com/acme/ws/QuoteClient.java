package com.acme.ws;
import javax.xml.ws.Service;
import org.apache.axis2.client.ServiceClient;
class QuoteClient {}
