using System.ComponentModel.DataAnnotations;
using Acme.Storefront.Models;

namespace Acme.Storefront.ViewModels
{
    public class CheckoutViewModel
    {
        [Required, Display(Name = "Name")]
        public string CustomerName { get; set; }

        [Required, EmailAddress, Display(Name = "E-mail")]
        public string CustomerEmail { get; set; }

        [Required, Display(Name = "Shipping address")]
        [DataType(DataType.MultilineText)]
        public string ShippingAddress { get; set; }

        public ShoppingCart Cart { get; set; }

        public decimal ShippingCost { get; set; }
    }
}
