package state

var defaults = map[string]string{"a": "b"}

func f() map[string]string {
    cache := map[string]string{}
    return cache
}
