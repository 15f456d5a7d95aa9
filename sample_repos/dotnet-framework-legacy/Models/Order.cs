using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using System.Linq;

namespace Acme.Storefront.Models
{
    public enum OrderStatus
    {
        Received = 0,
        Paid = 1,
        Shipped = 2,
        Cancelled = 3
    }

    [Table("Orders")]
    public class Order
    {
        public Order()
        {
            Lines = new List<OrderLine>();
        }

        public int Id { get; set; }

        [Required, StringLength(20)]
        public string OrderNumber { get; set; }

        [Required, StringLength(200)]
        public string CustomerName { get; set; }

        [Required, StringLength(254)]
        public string CustomerEmail { get; set; }

        [Required]
        public string ShippingAddress { get; set; }

        public decimal ShippingCost { get; set; }

        public OrderStatus Status { get; set; }

        public DateTime PlacedAt { get; set; }

        public virtual ICollection<OrderLine> Lines { get; set; }

        [NotMapped]
        public decimal Total
        {
            get { return Lines.Sum(l => l.UnitPrice * l.Quantity) + ShippingCost; }
        }
    }

    [Table("OrderLines")]
    public class OrderLine
    {
        public int Id { get; set; }

        public int OrderId { get; set; }

        public virtual Order Order { get; set; }

        public int ProductId { get; set; }

        public virtual Product Product { get; set; }

        public int Quantity { get; set; }

        public decimal UnitPrice { get; set; }
    }
}
