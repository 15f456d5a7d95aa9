package com.acme.legacy;
// ruleid: corba-iiop
import org.omg.CORBA.ORB;
class Mainframe {
    void connect(String[] args) {
        // ruleid: corba-iiop
        ORB orb = ORB.init(args, null);
        // ruleid: corba-iiop
        Object ref = orb.string_to_object("corbaloc:iiop:mainframe:2809/Accounts");
    }
}
