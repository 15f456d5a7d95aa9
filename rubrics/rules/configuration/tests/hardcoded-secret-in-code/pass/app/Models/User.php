<?php

namespace App\Models;

use Illuminate\Foundation\Auth\User as Authenticatable;

class User extends Authenticatable
{
    protected $casts = [
        'password' => 'hashed',
        'api_token' => 'encrypted',
    ];

    public static function rules(): array
    {
        return ['password' => 'required|min:12|confirmed'];
    }
}
