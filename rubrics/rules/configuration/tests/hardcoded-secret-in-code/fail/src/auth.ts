export class Auth {
  // ruleid: hardcoded-secret-in-code
  private readonly clientSecret = "f9e8d7c6b5a4";
}
