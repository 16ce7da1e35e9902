// Registers every element, the provider first. Safe to load twice.
import './elements/store/define.js';
