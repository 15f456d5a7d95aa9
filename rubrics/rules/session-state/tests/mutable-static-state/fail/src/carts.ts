export class Carts {
  // ruleid: mutable-static-state
  static carts: Record<string, string[]> = {};
}
