import './style.css';
import { createCatalogApp } from './app';

const mount = document.getElementById('app');
if (mount) void createCatalogApp(mount).load();
