package com.acme.legacy;
// import org.omg.CORBA.ORB;
class Mainframe { String url = "https://mainframe-gateway/accounts"; }
