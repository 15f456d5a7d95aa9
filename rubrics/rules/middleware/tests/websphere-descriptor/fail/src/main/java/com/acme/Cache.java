package com.acme;
// ruleid: websphere-descriptor
import com.ibm.websphere.cache.DistributedMap;
class Cache {}
