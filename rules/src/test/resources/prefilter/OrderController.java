package com.example.shop.web;

import com.example.shop.domain.Order;
import com.example.shop.domain.OrderLine;
import com.example.shop.service.OrderService;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/** REST endpoints for orders. */
@RestController
@RequestMapping("/api/orders")
public class OrderController {
  private static final Logger log = LoggerFactory.getLogger(OrderController.class);

  private final OrderService orders;

  public OrderController(OrderService orders) {
    this.orders = orders;
  }

  @GetMapping
  public List<Order> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return orders.findAll(page, size);
  }

  @GetMapping("/{id}")
  public ResponseEntity<Order> get(@PathVariable long id) {
    Optional<Order> order = orders.findById(id);
    return order.map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
  }

  @PostMapping
  public ResponseEntity<Order> create(@Valid @RequestBody Order order) {
    Order saved = orders.save(order);
    log.info("Created order {} with {} lines", saved.getId(), saved.getLines().size());
    return ResponseEntity.created(URI.create("/api/orders/" + saved.getId())).body(saved);
  }

  @PostMapping("/{id}/lines")
  public Order addLine(@PathVariable long id, @Valid @RequestBody OrderLine line) {
    return orders.addLine(id, line);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable long id) {
    orders.delete(id);
  }

  @GetMapping("/report")
  public ModelAndView report() {
    ModelAndView view = new ModelAndView("orders/report");
    view.addObject("total", orders.count());
    view.addObject("orders", orders.findAll(0, 100));
    return view;
  }
}
