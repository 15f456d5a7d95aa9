package com.acme;
import com.ibm.icu.text.Normalizer2;
class Cache {}
