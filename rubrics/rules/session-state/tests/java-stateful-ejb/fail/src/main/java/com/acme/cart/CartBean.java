package com.acme.cart;

import javax.ejb.Stateful;

// ruleid: java-stateful-ejb
@Stateful
public class CartBean implements Cart {
}
