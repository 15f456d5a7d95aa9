<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;

class DocumentController extends Controller
{
    public function upload(Request $request)
    {
        // ruleid: php-local-file-write
        $path = $request->file('document')->store('documents');

        return response()->json(['path' => $path]);
    }

    public function avatar(Request $request)
    {
        $name = $request->user()->id . '.jpg';
        // ruleid: php-local-file-write
        $request->file('avatar')->storeAs('avatars', $name, 'public');

        return back();
    }
}
