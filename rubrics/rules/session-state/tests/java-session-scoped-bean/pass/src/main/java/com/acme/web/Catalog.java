package com.acme.web;

// @SessionScoped
@RequestScoped
@Scope("prototype")
public class Catalog {
}
