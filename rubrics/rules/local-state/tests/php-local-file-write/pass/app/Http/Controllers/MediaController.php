<?php

namespace App\Http\Controllers;

use App\Repositories\OrderRepository;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Cache;

class MediaController extends Controller
{
    public function __construct(private OrderRepository $orders)
    {
    }

    public function upload(Request $request)
    {
        // $request->file('avatar')->store('avatars');
        $path = $request->file('avatar')->store('avatars', 's3');
        $request->file('document')->storeAs('documents', $request->input('name'), 's3');
        $request->file('invoice')->store('invoices', ['disk' => 's3']);

        return response()->json(['path' => $path]);
    }

    public function store(Request $request)
    {
        // look-alikes: store() on a repository and on the cache, not on an uploaded file
        $order = $this->orders->store($request->all());
        Cache::store('redis')->put('last-order', $order->id, 60);

        return redirect('/orders');
    }
}
