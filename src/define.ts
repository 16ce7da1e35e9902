// Registers every element, the provider first. Safe to load twice.
import './elements/store/define.js';
import './elements/cart/define.js';
import './elements/cart-button/define.js';
import './elements/login-button/define.js';
import './elements/order-history/define.js';
import './elements/checkout/define.js';
import './elements/product-grid/define.js';
import './elements/product/define.js';
import './elements/search-box/define.js';
