<?php

namespace App\Http\Controllers;

use App\Models\Attachment;
use App\Models\Invoice;
use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Storage;
use Illuminate\Support\Str;
use Symfony\Component\HttpFoundation\StreamedResponse;

class AttachmentController extends Controller
{
    public function store(Request $request, Invoice $invoice): RedirectResponse
    {
        $request->validate(['file' => 'required|file|mimes:pdf,jpg,png|max:10240']);

        $upload = $request->file('file');
        $name = Str::uuid().'.'.$upload->getClientOriginalExtension();
        $path = $upload->storeAs("attachments/{$invoice->id}", $name, 'local');

        $invoice->attachments()->create([
            'original_name' => $upload->getClientOriginalName(),
            'path' => $path,
            'mime_type' => $upload->getMimeType(),
            'size' => $upload->getSize(),
        ]);

        return back()->with('status', 'Attachment uploaded.');
    }

    public function show(Attachment $attachment): StreamedResponse
    {
        return Storage::disk('local')->download($attachment->path, $attachment->original_name);
    }

    public function destroy(Attachment $attachment): RedirectResponse
    {
        Storage::disk('local')->delete($attachment->path);
        $attachment->delete();

        return back()->with('status', 'Attachment removed.');
    }
}
