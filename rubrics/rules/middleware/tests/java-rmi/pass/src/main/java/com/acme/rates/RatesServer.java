package com.acme.rates;
// import java.rmi.registry.LocateRegistry;
class RatesServer { Registry registry = new Registry(); }
