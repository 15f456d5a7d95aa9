using System;
using System.Collections.Generic;
using System.Linq;

namespace Acme.Storefront.Models
{
    [Serializable]
    public class CartLine
    {
        public int ProductId { get; set; }

        public string Name { get; set; }

        public decimal UnitPrice { get; set; }

        public int Quantity { get; set; }
    }

    /// <summary>The visitor's cart. Lives in Session["cart"] for the duration of the visit.</summary>
    [Serializable]
    public class ShoppingCart
    {
        private readonly List<CartLine> _lines = new List<CartLine>();

        public IEnumerable<CartLine> Lines
        {
            get { return _lines; }
        }

        public int ItemCount
        {
            get { return _lines.Sum(l => l.Quantity); }
        }

        public decimal Subtotal
        {
            get { return _lines.Sum(l => l.UnitPrice * l.Quantity); }
        }

        public void Add(Product product, int quantity)
        {
            if (quantity <= 0)
            {
                throw new ArgumentOutOfRangeException("quantity");
            }

            var line = _lines.FirstOrDefault(l => l.ProductId == product.Id);
            if (line == null)
            {
                _lines.Add(new CartLine { ProductId = product.Id, Name = product.Name, UnitPrice = product.Price, Quantity = quantity });
            }
            else
            {
                line.Quantity += quantity;
            }
        }

        public void Remove(int productId)
        {
            _lines.RemoveAll(l => l.ProductId == productId);
        }

        public void Clear()
        {
            _lines.Clear();
        }
    }
}
