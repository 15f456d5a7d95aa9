package com.acme;
import java.net.URI;
class Feeds {
    // ruleid: file-uri-reference
    URI feed = URI.create("file:///var/feeds/prices.xml");
}
