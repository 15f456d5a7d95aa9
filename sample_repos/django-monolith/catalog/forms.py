from django import forms

from catalog.models import Product, Review


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = ["rating", "title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}


class ProductImageForm(forms.Form):
    product = forms.ModelChoiceField(queryset=Product.objects.all())
    image = forms.ImageField()
    alt_text = forms.CharField(max_length=200, required=False)


class SearchForm(forms.Form):
    q = forms.CharField(max_length=100, required=False, label="Search")
