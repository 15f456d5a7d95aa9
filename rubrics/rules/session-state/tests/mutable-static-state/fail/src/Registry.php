<?php
class Registry {
    // ruleid: mutable-static-state
    private static $cache = [];
}
