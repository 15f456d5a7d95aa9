// ruleid: hardcoded-service-host
export const mongo = "mongodb://app:pw@mongo1.acme.internal:27017/shop";
