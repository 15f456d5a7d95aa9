from django import forms
from django.conf import settings
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User

from accounts.models import Address

ALLOWED_AVATAR_TYPES = {"image/jpeg", "image/png"}


class RegistrationForm(UserCreationForm):
    email = forms.EmailField(required=True)
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    marketing_opt_in = forms.BooleanField(required=False, label="Send me offers by e-mail")

    class Meta:
        model = User
        fields = ["username", "email", "first_name", "last_name"]

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account with this e-mail address already exists.")
        return email


class AddressForm(forms.ModelForm):
    class Meta:
        model = Address
        fields = ["label", "line1", "line2", "city", "postcode", "country", "is_default"]


class AvatarForm(forms.Form):
    avatar = forms.ImageField()

    def clean_avatar(self):
        avatar = self.cleaned_data["avatar"]
        if avatar.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The picture is too large (5 MB at most).")
        if getattr(avatar, "content_type", None) not in ALLOWED_AVATAR_TYPES:
            raise forms.ValidationError("Please upload a JPEG or PNG picture.")
        return avatar
