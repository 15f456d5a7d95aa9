package com.acme.cart;

import javax.ejb.Stateless;

// @Stateful was the old design
@Stateless
public class PriceBean {
}
